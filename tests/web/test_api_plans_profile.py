"""Plans, the profile and the OpenAPI document."""


def test_the_builtin_plans_are_listed_and_shown(api):
    assert [plan["id"] for plan in api.get("/api/v1/plans").json()] == [
        "kettlebell-back",
        "legs-glutes",
        "upper-body-warmup",
    ]
    plan = api.get("/api/v1/plans/kettlebell-back").json()
    assert (plan["rounds"], plan["rest_after_round"], plan["blocks"][0]["rest_after"]) == ("3-5", 120, 90)


def test_a_profile_round_trips_and_a_bad_one_is_refused_by_field(api):
    saved = api.put("/api/v1/profile", json={"units": "lb", "experience": "advanced", "bells_kg": [16, 8]})
    assert saved.status_code == 200 and saved.json()["bells_kg"] == [8.0, 16.0]
    bad = api.put("/api/v1/profile", json={"units": "stone", "experience": "advanced", "bells_kg": [8]})
    assert bad.status_code == 422
    assert [p["field"] for p in bad.json()["error"]["problems"]] == ["units"]
    zero = api.put("/api/v1/profile", json={"units": "kg", "experience": "advanced", "bells_kg": [8, 0]})
    assert zero.status_code == 422
    [problem] = zero.json()["error"]["problems"]
    assert problem == {"field": "bells_kg[1]", "message": "must be more than 0 (got 0)"}
    assert api.get("/api/v1/profile").json()["units"] == "lb"


def test_the_openapi_document_describes_the_api(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert {
        "/api/v1/plans",
        "/api/v1/profile",
        "/api/v1/sessions",
        "/api/v1/sessions/{session_id}/events",
        "/api/v1/sets",
        "/api/v1/recommendations",
        "/api/v1/login",
    } <= set(paths)


def test_the_schema_names_every_error_status_and_states_the_limits_the_code_enforces(api):
    schema = api.get("/openapi.json").json()
    operations = {(method, path): op for path, ops in schema["paths"].items() for method, op in ops.items()}
    assert {"401", "404", "409", "422", "503"} <= set(
        operations["post", "/api/v1/sessions/{session_id}/events"]["responses"]
    )
    assert {"401", "429"} <= set(operations["post", "/api/v1/login"]["responses"])
    assert "401" not in operations["post", "/api/v1/account"]["responses"]  # registering needs no sign-in
    assert "403" not in operations["get", "/api/v1/plans"]["responses"]  # a read is never a cross-site write
    bells = schema["components"]["schemas"]["ProfileBody"]["properties"]["bells_kg"]["items"]
    assert bells["exclusiveMinimum"] == 0 and bells["maximum"] == 500
    new_account = schema["components"]["schemas"]["NewAccount"]["properties"]
    assert new_account["username"]["pattern"].startswith("^[") and new_account["password"]["minLength"] == 8
