#pragma once
// Fixed keys for http_signature_test.cpp. Never use them for anything else: they are public.
//
// kDraftTest*: the "keyId=Test" RSA-1024 pair printed in draft-cavage-http-signatures-12, Appendix C.
// kMastodonStyle*: an RSA-2048 pair made once for these tests with
//   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem
//   openssl pkey -in key.pem -pubout                                  (SPKI public key)
//   openssl pkey -in key.pem -pubout | openssl rsa -pubin -RSAPublicKey_out   (PKCS#1 public key)
// kEd25519*: an Ed25519 pair made with `openssl genpkey -algorithm ED25519` and `openssl pkey -pubout`.

namespace vmst::test_keys {

inline constexpr const char* kDraftTestPrivateKey = R"(-----BEGIN RSA PRIVATE KEY-----
MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF
NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F
UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB
AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA
QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK
kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg
f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u
412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc
mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7
kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA
gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW
G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI
7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==
-----END RSA PRIVATE KEY-----
)";

inline constexpr const char* kDraftTestPublicKey = R"(-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCFENGw33yGihy92pDjZQhl0C3
6rPJj+CvfSC8+q28hxA161QFNUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6
Z4UMR7EOcpfdUE9Hf3m/hs+FUR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJw
oYi+1hqp1fIekaxsyQIDAQAB
-----END PUBLIC KEY-----
)";

inline constexpr const char* kMastodonStylePrivateKey = R"(-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDJavYYlwIIDGTP
zpyj6SzagTQnrdcO/Udj7wWMykNaoKYSWIZRv8074JA54bBMjLm0EUEFm2P6HnAh
3veHNrtZN+9X6WhC2/jUU0UE9XSQCKMkFndO4cqDgKjan5njgSjtK+NlepJE4e7z
T6V0xm9g4chRCzzl+lnbJr1iKxMBc5xQVjkmGXTcH+AMZQImEcMTQeaOI2/k/svu
QOFCCrIE1Otvm0J6InveNhlaaAy0TTKgALBhW8JjxOvwLWeSKf5CIMdPVE0fqlK3
H4cqDL208UorCDoJtMNv/LGhGmQAYdA+O5SKx4nwMcm4Q3+9ZqA5yk3GyF1S/yow
unuzylopAgMBAAECggEACHRr9iZImIvko3B51MuR7W4lAVFjyKZLG9/JrNpEr4Y0
0mpS4RWbCNtpUnSt0NjLZsqenxyhursSW+mfHFbo0FrvuhH7JWtUa50/NXEUPoOO
TZJ/2ZjSxmhdLigq7ojabfI8rmLRxwBw5le+i0NVI4z2uqgtGz5CDVf39Sn3t0TO
65xXq4T3cJKrMfYBZQFFQDr0erpxTgHWG1DA9TXMWgfpZPXQMCZ/xadaaiwCHXSE
EsZzk/TcltkjLDZ9mi07YzpQCeXLLsBYkxvzmuMd9IdSnMgVX16WPN56UzsvkkqE
sI3AZ41xR2wc5mqLYiYRdkiYuBzLxVll3htYSl80LQKBgQD8vc1vrM1HO9+K/45Z
EQUMfgio8PuVLhKt/BwaykxGS37Mdrq78PXd/70bHRwCoyHQ5+MuZHRiCpU83G2p
C4ZUeTT6dgymODblhGyiGrr8MWsQGBsEcoe+KAfyIiyT8HMKe+m7ZGn5R573RBe0
S8Iq2JqzaCPUhXO/d5iBkv52ZwKBgQDMA8KkczCLSMR+rl3usB0pFu0Nz+EI7At3
c+DRc6wJSRXHatpG42AtcR5xNYivko2ZzjbJUyB2bg516FKbAlPcXXfTh3+SYX4Z
CDc/no9f1jnoLIur0uwadKZgO4ISLnJzNfLXQqtIjUV2L1xLzFS+rQWiTn7zPybN
URM8sLWw7wKBgQDG5rheQqfqf3wVb7ke7v4CLs2x5rSXWoLo2ZdkngAY8iD/2BBt
B9z2sOSqCeaZTLi4J0XqpLPS1HFOTEsg1ikJIbpHwc+CoIrTZbv4dwDgqCORrubU
QS4CwI5ASBS8+GYQwiPXjda4j1zTS4s8IMLV5VEaD8Li5YOKExy6HGyV0QJ/P8Dt
EnbstJoIzY2vzOc8NZr0eVx89kzNSIbtuoZrPHuaUrcRfxWO+KRg3v/btwIVPfsz
I7bWbiv2WOJA7i/MBREwYOn288eDoE7w9PCX3VsUvXkuLIO9RIcvduMhwozBNz+k
o6Ax5no/Oq+SKB2yXeOz3wSop1sUxRSQ7mZKYQKBgQDQKgLbSNXLXIEQzJ/orq43
qbgsDa7IN2SsCC1yFOxui6bO9NaJmHPVysXgReovkpBJ6RZ4O79POPp25nZ/cuGT
GImUn1OvOlqB6ciVolgjR6M9depa0FQ39Z8QyA/ie1Dg2IRzk8OJHarOfUKvlF/W
UO7Dvp/eJAWD7TeQtDR2qw==
-----END PRIVATE KEY-----
)";

inline constexpr const char* kMastodonStylePublicKey = R"(-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyWr2GJcCCAxkz86co+ks
2oE0J63XDv1HY+8FjMpDWqCmEliGUb/NO+CQOeGwTIy5tBFBBZtj+h5wId73hza7
WTfvV+loQtv41FNFBPV0kAijJBZ3TuHKg4Co2p+Z44Eo7SvjZXqSROHu80+ldMZv
YOHIUQs85fpZ2ya9YisTAXOcUFY5Jhl03B/gDGUCJhHDE0HmjiNv5P7L7kDhQgqy
BNTrb5tCeiJ73jYZWmgMtE0yoACwYVvCY8Tr8C1nkin+QiDHT1RNH6pStx+HKgy9
tPFKKwg6CbTDb/yxoRpkAGHQPjuUiseJ8DHJuEN/vWagOcpNxshdUv8qMLp7s8pa
KQIDAQAB
-----END PUBLIC KEY-----
)";

inline constexpr const char* kMastodonStylePublicKeyPkcs1 = R"(-----BEGIN RSA PUBLIC KEY-----
MIIBCgKCAQEAyWr2GJcCCAxkz86co+ks2oE0J63XDv1HY+8FjMpDWqCmEliGUb/N
O+CQOeGwTIy5tBFBBZtj+h5wId73hza7WTfvV+loQtv41FNFBPV0kAijJBZ3TuHK
g4Co2p+Z44Eo7SvjZXqSROHu80+ldMZvYOHIUQs85fpZ2ya9YisTAXOcUFY5Jhl0
3B/gDGUCJhHDE0HmjiNv5P7L7kDhQgqyBNTrb5tCeiJ73jYZWmgMtE0yoACwYVvC
Y8Tr8C1nkin+QiDHT1RNH6pStx+HKgy9tPFKKwg6CbTDb/yxoRpkAGHQPjuUiseJ
8DHJuEN/vWagOcpNxshdUv8qMLp7s8paKQIDAQAB
-----END RSA PUBLIC KEY-----
)";

inline constexpr const char* kEd25519PrivateKey = R"(-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIDsJLQ+ZX1HtucvqtmLt++AgZzLkLWkA9dipQghVqRfb
-----END PRIVATE KEY-----
)";

inline constexpr const char* kEd25519PublicKey = R"(-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAtJfBw68WZ6gWkKurXwdHHYkAg9eWkcbaPEGjX01K6xo=
-----END PUBLIC KEY-----
)";

}  // namespace vmst::test_keys
