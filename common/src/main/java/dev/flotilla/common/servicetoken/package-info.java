/**
 * Calls made as this service: {@link dev.flotilla.common.servicetoken.ServiceTokens} obtains, caches and
 * renews the access token of the service's own service client (OAuth 2 client_credentials at
 * auth-service). The REST client, its timeout, retry and circuit breaker are internal to this package.
 */
package dev.flotilla.common.servicetoken;
