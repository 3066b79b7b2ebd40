#!/usr/bin/env python3
"""Independent reference for the sealed-value format v1 (docs/format.md), on pyca/cryptography.

Writes sealed_v1.json: each vector's inputs (key, key id, expiry, context, nonce, plaintext) and
the sealed value. Wafer's conformance suite reproduces every vector byte for byte on every
provider (a provider without AES-256-GCM-SIV must refuse that vector's key as unsupported). This
script shares no code with Wafer: AES-GCM and AES-GCM-SIV (RFC 8452) come from pyca/cryptography,
and the XAES-256-GCM key derivation follows the C2SP text (https://c2sp.org/XAES-256-GCM) on
AES-ECB. AESGCMSIV needs pyca/cryptography 42 or later on OpenSSL 3.2 or later; the script checks
it against RFC 8452 Appendix C.2 before use.
Run: python3 docs/vectors/generate_sealed_v1.py > docs/vectors/sealed_v1.json
"""
import base64
import json
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV


def aes_block(key, block):
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def xaes_256_gcm(key, nonce, plaintext, aad):
    assert len(key) == 32 and len(nonce) == 24
    l = aes_block(key, bytes(16))
    k1 = int.from_bytes(l, "big") << 1
    if l[0] & 0x80:
        k1 ^= 0x87
    k1 = (k1 & ((1 << 128) - 1)).to_bytes(16, "big")
    m1 = b"\x00\x01X\x00" + nonce[:12]
    m2 = b"\x00\x02X\x00" + nonce[:12]
    kx = aes_block(key, bytes(a ^ b for a, b in zip(m1, k1))) + aes_block(key, bytes(a ^ b for a, b in zip(m2, k1)))
    return AESGCM(kx).encrypt(nonce[12:], plaintext, aad)


def aes_256_gcm(key, nonce, plaintext, aad):
    assert len(key) == 32 and len(nonce) == 12
    return AESGCM(key).encrypt(nonce, plaintext, aad)


def aes_256_gcm_siv(key, nonce, plaintext, aad):
    assert len(key) == 32 and len(nonce) == 12
    return AESGCMSIV(key).encrypt(nonce, plaintext, aad)


# RFC 8452 Appendix C.2 (AEAD_AES_256_GCM_SIV): key, nonce, plaintext, AAD, result (ciphertext || tag).
RFC8452_C2 = [
    ("01" + "00" * 31, "03" + "00" * 11, "", "", "07f5f4169bbf55a8400cd47ea6fd400f"),
    ("01" + "00" * 31, "03" + "00" * 11, "0100000000000000", "", "c2ef328e5c71c83b843122130f7364b761e0b97427e3df28"),
    ("01" + "00" * 31, "03" + "00" * 11, "0200000000000000", "01", "1de22967237a813291213f267e3b452f02d01ae33e4ec854"),
]


def check_gcm_siv():
    for key, nonce, pt, aad, result in RFC8452_C2:
        got = aes_256_gcm_siv(bytes.fromhex(key), bytes.fromhex(nonce), bytes.fromhex(pt), bytes.fromhex(aad))
        assert got.hex() == result, "pyca/cryptography's AESGCMSIV does not reproduce RFC 8452 Appendix C.2"


AEADS = {"XAES-256-GCM": xaes_256_gcm, "AES-256-GCM": aes_256_gcm, "AES-256-GCM-SIV": aes_256_gcm_siv}


def context(name, purpose):
    n, p = name.encode("utf-8"), purpose.encode("utf-8")
    return struct.pack(">I", len(n)) + n + struct.pack(">I", len(p)) + p


def seal(alg, key, kid, expires_at, name, purpose, nonce, plaintext):
    header = bytes([1]) + struct.pack(">I", kid) + struct.pack(">Q", expires_at)
    aad = header + context(name, purpose)
    ct = AEADS[alg](key, nonce, plaintext, aad)
    return base64.urlsafe_b64encode(header + nonce + ct).rstrip(b"=").decode("ascii")


def seq(start, n):
    return bytes((start + i) & 0xFF for i in range(n))


VECTORS = [
    ("XAES-256-GCM, empty value", "XAES-256-GCM", seq(0x00, 32), 0x0A1B2C3D, 1893456000, "session", "",
     seq(0xA0, 24), b""),
    ("XAES-256-GCM, text value, with purpose", "XAES-256-GCM", seq(0x00, 32), 0x0A1B2C3D, 1893456000, "session",
     "login", b"ABCDEFGHIJKLMNOPQRSTUVWX", b"user=42;role=admin"),
    ("XAES-256-GCM, 100 binary bytes, UTF-8 cookie name", "XAES-256-GCM", bytes(32), 0x00000001, 4102444800,
     "sesi\u00f3n", "", seq(0x30, 24), seq(0x80, 100)),
    ("AES-256-GCM, empty value", "AES-256-GCM", seq(0x40, 32), 0xFFFFFFFF, 1893456000, "session", "",
     seq(0x10, 12), b""),
    ("AES-256-GCM, text value, with purpose", "AES-256-GCM", seq(0x40, 32), 0x7F000001, 1893456000, "csrf",
     "form:/account/delete", seq(0x20, 12), b"token-2f1c9a"),
    ("AES-256-GCM, 64 binary bytes", "AES-256-GCM", bytes([0xFF] * 32), 0x80000000, 2000000000, "remember-me",
     "", bytes(12), seq(0x00, 64)),
    ("AES-256-GCM-SIV, text value, with purpose", "AES-256-GCM-SIV", seq(0x60, 32), 0x5EA1C0DE, 1893456000,
     "__Host-session", "login", seq(0xC0, 12), b"user=42;role=admin"),
]


def main():
    check_gcm_siv()
    out = []
    for (title, alg, key, kid, exp, name, purpose, nonce, pt) in VECTORS:
        out.append({
            "title": title,
            "algorithm": alg,
            "key": key.hex(),
            "kid": "%08x" % kid,
            "expiresAt": exp,
            "cookieName": name,
            "purpose": purpose,
            "nonce": nonce.hex(),
            "plaintext": pt.hex(),
            "sealed": seal(alg, key, kid, exp, name, purpose, nonce, pt),
        })
    print(json.dumps({"format": "wafer sealed value v1", "generator": "docs/vectors/generate_sealed_v1.py "
                      "(pyca/cryptography, independent of Wafer)", "vectors": out}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
