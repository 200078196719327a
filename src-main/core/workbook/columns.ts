// Spreadsheet column letters: 0 → "A", 25 → "Z", 26 → "AA".
export function columnLetter(index0: number): string {
  let n = Math.max(0, Math.floor(index0)) + 1
  let out = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    out = String.fromCharCode(65 + rem) + out
    n = Math.floor((n - 1) / 26)
  }
  return out
}
