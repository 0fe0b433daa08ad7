// A self-signed certificate and its key (EC P-256, valid until 2126), made once with
//   openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj /CN=nebula-emulator-test
// for system.test.ts on machines without openssl. Test material only: never serve it.
export const FIXTURE_CERT = `-----BEGIN CERTIFICATE-----
MIIBlTCCATugAwIBAgIUa79A9h8GYlASea9QEvDWb6msImYwCgYIKoZIzj0EAwIw
HzEdMBsGA1UEAwwUbmVidWxhLWVtdWxhdG9yLXRlc3QwIBcNMjYxMTI0MDIyODU1
WhgPMjEyNjEwMzEwMjI4NTVaMB8xHTAbBgNVBAMMFG5lYnVsYS1lbXVsYXRvci10
ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE7C4uVTkAMUPnml7lfHAdgXf6
Jr6OaUjbSfhSZzmu8vZu/vx76JlIQQq3qTY3qJwtL4AULEErWFeIsjZm9tc0t6NT
MFEwHQYDVR0OBBYEFBlBAtQvcAp3E2lJzbwhs0Xn3TolMB8GA1UdIwQYMBaAFBlB
AtQvcAp3E2lJzbwhs0Xn3TolMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwID
SAAwRQIhAM2sOF3mwe0nYkjsblqUd2gxZqskDrj/7Ir9ttxKNzQnAiB1n9sLYrfx
MFWLy3JcL58YypKyt7HrajlkGB9MbY2wrQ==
-----END CERTIFICATE-----
`;

export const FIXTURE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghnnSbFktcOuYgoE2
X3xMLZ8Y9V/7StyrhyGL7BRqPiChRANCAATsLi5VOQAxQ+eaXuV8cB2Bd/omvo5p
SNtJ+FJnOa7y9m7+/HvomUhBCrepNjeonC0vgBQsQStYV4iyNmb21zS3
-----END PRIVATE KEY-----
`;
