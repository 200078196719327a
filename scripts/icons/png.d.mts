// Types for scripts/icons/png.mjs.
export declare function crc32(bytes: Uint8Array): number
export declare function encodePng(rgba: Uint8Array, width: number, height: number): Buffer
