-- POST /api/v1/auth/login with one account's credentials (BENCH_LOGIN_BODY, a JSON object).
wrk.method = "POST"
wrk.path = "/api/v1/auth/login"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("BENCH_LOGIN_BODY")
