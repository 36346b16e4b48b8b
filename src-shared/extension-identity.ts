/**
 * The extension's fixed identity. Chrome derives an unpacked extension's ID from the manifest's
 * `key` (an RSA public key): the first 32 hex digits of its SHA-256, written with the letters a–p.
 * A fixed ID lets the app's native-messaging manifest name the only extension allowed to reach it.
 * A store listing gets the store's own ID; add it to `ALLOWED_EXTENSION_IDS` then.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmrAQkjEsEO99l8jQxdGt+RMha7kUlyZWHfuj37HhRiRVZ7PyJCwHDp7fvUkGUSX++FprrI2qs/b9AeEoA8e0Zt7V/59mc7rcA3vAw6ELDCzUGxx8UTNaTdAbuH0n4xDieYLa6f1ecQq79n/kSj4wnBk4GPL7+7fMQysS+15H6NOhovMZhsiqiJ1dIOhF2eiZJUTdBtKldan7mlS+QJ2yFMYyIJiaZhaeAxbFtUidRed180ak8L2Yrc3v3dhiVsyS4VnRPAOHl2xACR/lD4/FAytVoZ8cIphzQjYHl7QuXTMBruyuRI2z0dfuRz/S2nHg6rrsJQpM6Jh9BYXkPw+vtQIDAQAB';

export const EXTENSION_ID = 'jjbjnfjbfakcaoefkbdalmamlofnaadk';

export const ALLOWED_EXTENSION_IDS: readonly string[] = [EXTENSION_ID];
