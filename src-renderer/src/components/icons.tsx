// Small inline SVG icons (no image files, nothing for the CSP to allow).
const common = {
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round'
} as const

export function UploadIcon({ size = 20 }: { size?: number }) {
  return (
    <svg {...common} width={size} height={size} aria-hidden="true">
      <path d="M12 15V4" />
      <path d="m7 9 5-5 5 5" />
      <path d="M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3" />
    </svg>
  )
}

export function SheetIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <rect x="4" y="3" width="16" height="18" rx="2" />
      <path d="M4 9h16M4 15h16M10 3v18" />
    </svg>
  )
}

export function LogoMark() {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
      <rect x="1" y="1" width="26" height="26" rx="7" fill="#0f766e" />
      <path d="M8 10h12M8 14h12M8 18h7" stroke="#ffffff" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}
