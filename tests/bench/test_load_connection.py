"""The load benchmarks' own HTTP/1.1 client: what it reads, and how it reports a failure."""

import asyncio
import importlib.util
import json
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("loadkit", Path(__file__).parents[2] / "bench" / "loadkit.py")
assert _SPEC is not None and _SPEC.loader is not None
loadkit = importlib.util.module_from_spec(_SPEC)
sys.modules["loadkit"] = loadkit
_SPEC.loader.exec_module(loadkit)


async def serve_answers(answers: list[bytes], seen: list[bytes]) -> asyncio.Server:
    """A loopback server giving ``answers`` in turn, one per request, closing when it has none left."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while answers:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.startswith(b"content-length")
            )
            seen.append(head.split(b"\r\n")[0] + b" " + await reader.readexactly(length))
            writer.write(answers.pop(0))
            await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def answer(status: str, body: object) -> bytes:
    data = json.dumps(body).encode()
    return f"HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {len(data)}\r\n\r\n".encode() + data


def test_answers_come_back_as_json_on_one_connection_and_a_refusal_names_its_status():
    async def scenario():
        seen: list[bytes] = []
        server = await serve_answers([answer("200 OK", {"phase": "work"}), answer("409 Conflict", {})], seen)
        connection = loadkit.JsonConnection(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}")
        first = await connection.call("POST", "/api/v1/sessions/s1/events", {"kind": "set_done"})
        with pytest.raises(loadkit.LoadFailed, match="^HTTP 409 on GET /api/v1/sessions$"):
            await connection.call("GET", "/api/v1/sessions?limit=1")
        connection.close()
        server.close()
        return first, seen

    first, seen = asyncio.run(scenario())
    assert first == {"phase": "work"}
    assert seen == [
        b'POST /api/v1/sessions/s1/events HTTP/1.1 {"kind": "set_done"}',
        b"GET /api/v1/sessions?limit=1 HTTP/1.1 ",
    ]


def test_a_connection_the_server_closed_is_a_failure_and_the_next_call_connects_again():
    async def scenario():
        server = await serve_answers([answer("200 OK", [1])], [])
        connection = loadkit.JsonConnection(f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}")
        assert await connection.call("GET", "/a") == [1]
        with pytest.raises(loadkit.LoadFailed, match="IncompleteReadError"):
            await connection.call("GET", "/b")  # the server had no answer left and closed
        server.close()
        other = await serve_answers([answer("201 Created", {"id": "s2"})], [])
        connection.port = other.sockets[0].getsockname()[1]
        assert await connection.call("POST", "/c", {}) == {"id": "s2"}
        connection.close()
        other.close()

    asyncio.run(scenario())
