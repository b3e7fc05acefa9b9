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
    bad = api.put("/api/v1/profile", json={"units": "stone", "experience": "advanced", "bells_kg": [0]})
    assert bad.status_code == 422
    assert [p["field"] for p in bad.json()["error"]["problems"]] == ["units"]
    zero = api.put("/api/v1/profile", json={"units": "kg", "experience": "advanced", "bells_kg": [0]})
    assert zero.status_code == 422 and zero.json()["error"]["problems"] == [
        {"field": "bells_kg", "message": "a bell weighs more than 0 kg, got 0.0"}
    ]
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
