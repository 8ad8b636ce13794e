import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software WebAuthn authenticator for tests (ES256 with WebCrypto, attestation "none"): it
 * creates real credentials and signs real assertions, and lets a test bend any part of them
 * (origin, RP ID, counter, user verification) to check that the server refuses it.
 */
export interface SoftCredential {
  id: string;
  rpId: string;
  userHandle: string;
  keys: CryptoKeyPair;
  counter: number;
}

export interface Bend {
  origin?: string;
  rpId?: string;
  userVerified?: boolean;
  /** The counter to report (default: one more than the last). */
  counter?: number;
  type?: string;
}

const subtle = globalThis.crypto.subtle;
const text = (s: string) => new TextEncoder().encode(s);
const sha256 = async (data: Uint8Array) =>
  new Uint8Array(await subtle.digest('SHA-256', data as BufferSource));
const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const u32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);

/** WebCrypto's raw r‖s ECDSA signature as the DER sequence WebAuthn carries. */
function derSignature(raw: Uint8Array): Uint8Array<ArrayBuffer> {
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    let v = bytes.slice(i);
    if ((v[0] ?? 0) & 0x80) v = concat(Uint8Array.of(0), v);
    return concat(Uint8Array.of(0x02, v.length), v);
  };
  const body = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, body.length), body);
}

export const AAGUID = 'f1d0f1d0-f1d0-f1d0-f1d0-f1d0f1d0f1d0';

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];
  constructor(readonly origin = 'http://localhost') {}

  private clientData(type: string, challenge: string, bend: Bend): string {
    return isoBase64URL.fromUTF8String(
      JSON.stringify({ type: bend.type ?? type, challenge, origin: bend.origin ?? this.origin }),
    );
  }

  private async authData(rpId: string, flags: number, counter: number, attested?: Uint8Array) {
    return concat(
      await sha256(text(rpId)),
      Uint8Array.of(flags),
      u32(counter),
      attested ?? new Uint8Array(),
    );
  }

  /** navigator.credentials.create: a new resident ES256 credential, or `reuse` an existing one. */
  async create(
    options: PublicKeyCredentialCreationOptionsJSON,
    bend: Bend = {},
    reuse?: SoftCredential,
  ): Promise<RegistrationResponseJSON> {
    const rpId = bend.rpId ?? options.rp.id ?? 'localhost';
    const keys =
      reuse?.keys ??
      ((await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
        'sign',
        'verify',
      ])) as CryptoKeyPair);
    const idBytes = reuse
      ? isoBase64URL.toBuffer(reuse.id)
      : crypto.getRandomValues(new Uint8Array(16));
    const jwk = await subtle.exportKey('jwk', keys.publicKey);
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x ?? '')],
        [-3, isoBase64URL.toBuffer(jwk.y ?? '')],
      ]),
    );
    const aaguid = Uint8Array.from(AAGUID.replace(/-/g, '').match(/../g) ?? [], (h) =>
      parseInt(h, 16),
    );
    const attested = concat(aaguid, Uint8Array.of(0, idBytes.length), idBytes, cose);
    const flags = 0x41 | (bend.userVerified === false ? 0 : 0x04);
    const authData = await this.authData(rpId, flags, 0, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]) as never,
    );
    const id = isoBase64URL.fromBuffer(idBytes);
    if (!reuse) this.credentials.push({ id, rpId, userHandle: options.user.id, keys, counter: 0 });
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, bend),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** navigator.credentials.get with `credential` (default: the first one), signed for real. */
  async get(
    options: PublicKeyCredentialRequestOptionsJSON,
    credential: SoftCredential | undefined = this.credentials[0],
    bend: Bend = {},
  ): Promise<AuthenticationResponseJSON> {
    if (!credential) throw new Error('no credential');
    const counter = bend.counter ?? credential.counter + 1;
    credential.counter = Math.max(credential.counter, counter);
    const flags = 0x01 | (bend.userVerified === false ? 0 : 0x04);
    const authData = await this.authData(bend.rpId ?? credential.rpId, flags, counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, bend);
    const signed = concat(authData, await sha256(isoBase64URL.toBuffer(clientDataJSON)));
    const raw = new Uint8Array(
      await subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        credential.keys.privateKey,
        signed as BufferSource,
      ),
    );
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON,
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(derSignature(raw)),
        userHandle: credential.userHandle,
      },
    };
  }
}
