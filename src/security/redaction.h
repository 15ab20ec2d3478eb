#pragma once

#include <QString>

namespace kiosk::security {

// The text that replaces whatever redact() removes.
inline constexpr char16_t kRedactedMarker[] = u"[REDACTED]";

// Returns `text` with everything that looks like a credential replaced by [REDACTED]:
// - `Bearer <token>` / `Basic <credentials>` and the value of any `Authorization` header,
// - PEM blocks (`-----BEGIN ... KEY-----` ... `-----END ...-----`, also when cut short),
// - JSON Web Tokens (service-account tokens) and Kubernetes bootstrap tokens,
// - the value after a secret-sounding key (`token`, `password`, `secret`, `pin`, `api-key`,
//   `client-key-data`, ...) in `key=value`, `key: value`, `"key": "value"` and `--key value` form,
// - the password in a URL's user info and secret-sounding URL query parameters,
// - long random-looking strings (32+ characters mixing letters and digits in one word).
// Pod names, UUIDs, paths and plain prose pass through unchanged.
// Call it on any text that may reach a log, the audit log, stderr or the screen.
QString redact(const QString &text);

// True when redact() would change `text`.
bool containsSecret(const QString &text);

} // namespace kiosk::security
