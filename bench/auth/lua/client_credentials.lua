-- POST /oauth2/token, grant client_credentials; the client authenticates with HTTP Basic
-- (BENCH_CLIENT_BASIC, the base64 of client_id:client_secret).
wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_CLIENT_BASIC")
wrk.body = "grant_type=client_credentials"
