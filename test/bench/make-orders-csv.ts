// Deterministic order CSVs WITH problems spread over the whole file, for the progressive prepare tests (issue 14):
// orders whose rows lie thousands of rows apart and disagree (group conflicts), bad amounts, unmatched statuses.
export function makeOrdersCsvWithIssues(rows: number, span = 2500): string {
  const lines = ['訂單編號,客戶Email,客戶姓名,金額,幣別,付款狀態']
  for (let i = 0; i < rows; i++) {
    const order = `ODK-${String(i % span).padStart(6, '0')}` // rows i, i+span, i+2·span… are one order
    const email = i % 7 === 0 && i >= span ? `other${i}@example.com` : `c${i % span}@example.com`
    const amount = i % 97 === 0 ? 'about 300' : `NT$${(100 + (i % span)).toLocaleString('en-US')}`
    const status = i % 113 === 0 ? '不知道' : '已付款'
    lines.push([order, email, `客戶${i % span}`, `"${amount}"`, 'TWD', status].join(','))
  }
  return lines.join('\n') + '\n'
}
