-- The service client a refresh token was issued to at the token endpoint; null for a token issued
-- without one (a login). A bound token is refreshed only by its own client (OAuth 2.1 §4.3.1).
alter table refresh_token add column client_id text;
