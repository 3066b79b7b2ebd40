#!/usr/bin/env python3
"""Writes edge_cases.json: Wafer's cross-provider Ed25519 edge cases (docs/format.md §2.4).

Run from this folder: python3 generate.py. Only integer arithmetic on encodings happens here; no
signature is computed. Cases 'speccheck-N' are the twelve vectors of "Taming the many EdDSAs"
(Chalkias, Garillot, Nikolaenko, SSR 2020; github.com/novifinancial/ed25519-speccheck, cases.txt,
Apache-2.0), in their order 0 to 11.
"""
import json

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
SMALL_ORDER_Y = [0, 1, P - 1,
                 0x05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826,
                 0x7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7]

# RFC 8032 §7.1, TEST 1: a valid key, the empty message and its signature.
RFC_PK = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'
RFC_SIG_R = 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155'
RFC_SIG_S = '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'
RFC_S = int.from_bytes(bytes.fromhex(RFC_SIG_S), 'little')

def enc(y, sign=0):
    b = bytearray(y.to_bytes(32, 'little'))
    b[31] |= sign << 7
    return b.hex()

def le(n):
    return n.to_bytes(32, 'little').hex()

cases = []
def case(cid, comment, pk, msg, sig, result):
    cases.append({"id": cid, "comment": comment, "pk": pk, "msg": msg, "sig": sig, "result": result})

SPECCHECK = [
    ("S = 0, small-order A and R", "refused-key"),
    ("0 < S < L, small-order A, mixed-order R", "refused-key"),
    ("0 < S < L, mixed-order A, small-order R", "refused-key"),
    ("0 < S < L, mixed-order A and R: valid, cofactored and cofactorless", "refused-key"),
    ("mixed-order A and R: valid only under cofactored verification", "refused-key"),
    ("mixed-order A and R: valid only under cofactored verification with a pre-reduced scalar", "refused-key"),
    ("S > L (S + L of a valid S)", "invalid"),
    ("S >> L (S has its top bits set)", "invalid"),
    ("non-canonical R of small order (y = p - 1, sign 1), mixed-order A", "refused-key"),
    ("non-canonical R of small order (y = p - 1, sign 1), mixed-order A, other message", "refused-key"),
    ("non-canonical A (y = p - 1, x = 0 with sign 1)", "refused-key"),
    ("non-canonical A (y = p - 1, x = 0 with sign 1), other message", "refused-key"),
]
# Each speccheck signature again under the key of RFC 8032 TEST 1, whose key is valid, so that the
# signature checks are exercised too: every one of them is then invalid.
SPECCHECK_SIGNATURES_UNDER_A_VALID_KEY = True
with open('speccheck-cases.txt') as f:
    lines = [l.strip() for l in f if l.strip()]
assert lines[0] == '12'
for i in range(12):
    msg, pbk, sig = (lines[1 + 3 * i + k].split('=', 1)[1] for k in range(3))
    comment, result = SPECCHECK[i]
    case("speccheck-%d" % i, comment, pbk, msg, sig, result)
    case("speccheck-%d-signature-under-a-valid-key" % i, "the signature of speccheck-%d under RFC 8032 TEST 1's key" % i,
         RFC_PK, msg, sig, "invalid")

# Every point of small order, with either sign of x: refused as keys. With S = 0 and R the same
# point, the signature of any message verifies under some engines.
for y in SMALL_ORDER_Y:
    for sign in (0, 1):
        case("small-order-A-y%x-s%d" % (y % 2**32, sign), "public key of small order", enc(y, sign), "",
             enc(y, sign) + le(0), "refused-key")

# Non-canonical public keys: y = p + k for every k in 0..18 (the only y >= p that fit in 255 bits).
# y = p + 3 and p + 4, for instance, encode points of the curve (y = 3, 4) non-canonically.
for k in range(19):
    case("non-canonical-A-p+%d" % k, "public key with y = p + %d" % k, enc(P + k), "", RFC_SIG_R + RFC_SIG_S,
         "refused-key")
    case("non-canonical-A-p+%d-sign" % k, "public key with y = p + %d, sign bit set" % k, enc(P + k, 1), "",
         RFC_SIG_R + RFC_SIG_S, "refused-key")

# Encodings of no point at all (x^2 has no root for y = 2, 7, 8, 11).
for y in (2, 7, 8, 11):
    case("not-on-curve-y%d" % y, "public key that is not a point of the curve", enc(y), "", RFC_SIG_R + RFC_SIG_S,
         "refused-key")

# Signatures under a valid key (RFC 8032 TEST 1).
case("rfc8032-test1", "RFC 8032 §7.1 TEST 1: valid", RFC_PK, "", RFC_SIG_R + RFC_SIG_S, "valid")
case("rfc8032-test1-other-message", "a valid signature of another message", RFC_PK, "00", RFC_SIG_R + RFC_SIG_S,
     "invalid")
case("S-plus-L", "S + L: the same scalar, not reduced (RFC 8032 §5.1.7 requires S < L)", RFC_PK, "",
     RFC_SIG_R + le(RFC_S + L), "invalid")
case("S-equals-L", "S = L", RFC_PK, "", RFC_SIG_R + le(L), "invalid")
case("S-all-ones", "S = 2^256 - 1", RFC_PK, "", RFC_SIG_R + "ff" * 32, "invalid")
case("S-zero", "S = 0", RFC_PK, "", RFC_SIG_R + le(0), "invalid")
R_Y = int.from_bytes(bytes.fromhex(RFC_SIG_R), 'little') & (2**255 - 1)
for y in SMALL_ORDER_Y:
    for sign in (0, 1):
        case("small-order-R-y%x-s%d" % (y % 2**32, sign), "R of small order", RFC_PK, "", enc(y, sign) + RFC_SIG_S,
             "invalid")
        case("identity-forgery-y%x-s%d" % (y % 2**32, sign), "R of small order and S = 0", RFC_PK, "",
             enc(y, sign) + le(0), "invalid")
for k in (0, 1, 3, 18):
    case("non-canonical-R-p+%d" % k, "R with y = p + %d" % k, RFC_PK, "", enc(P + k) + RFC_SIG_S, "invalid")
case("R-top-bit-flipped", "R with its sign bit flipped", RFC_PK, "",
     RFC_SIG_R[:62] + "%02x" % (int(RFC_SIG_R[62:], 16) ^ 0x80) + RFC_SIG_S, "invalid")

with open('edge_cases.json', 'w') as f:
    json.dump({"source": "generate.py", "cases": cases}, f, indent=1)
    f.write("\n")
print(len(cases), "cases")
