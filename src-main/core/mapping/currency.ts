// Currency codes: ISO 4217 plus the names Taiwanese sheets use for them.
import { cleanText } from './text'
import { fail, ok, empty, shown, type Normalized } from './normalized'

/**
 * Active ISO 4217 codes (list one, 2025 edition), including fund and metal codes. Transitional codes still valid in
 * 2025–2026 (ANG until XCG replaces it, BGN before the euro, SLL beside SLE, ZWL beside ZWG) are kept so old sheets pass.
 */
export const ISO4217: ReadonlySet<string> = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
    'OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC ' +
    'SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU ' +
    'XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL'
  ).split(' ')
)

// Names and symbols → code. Keys are matched after cleanText + upper-case + removing spaces.
const CURRENCY_NAMES: Record<string, string> = {
  NT$: 'TWD',
  NT: 'TWD',
  NTD: 'TWD',
  台幣: 'TWD',
  臺幣: 'TWD',
  新台幣: 'TWD',
  新臺幣: 'TWD',
  台币: 'TWD',
  新台币: 'TWD',
  US$: 'USD',
  US: 'USD',
  美金: 'USD',
  美元: 'USD',
  美幣: 'USD',
  美国美元: 'USD',
  日圓: 'JPY',
  日幣: 'JPY',
  日元: 'JPY',
  日円: 'JPY',
  円: 'JPY',
  日圆: 'JPY',
  日币: 'JPY',
  港幣: 'HKD',
  港元: 'HKD',
  港币: 'HKD',
  HK$: 'HKD',
  人民幣: 'CNY',
  人民币: 'CNY',
  RMB: 'CNY',
  'CN¥': 'CNY',
  新幣: 'SGD',
  新加坡幣: 'SGD',
  新加坡元: 'SGD',
  S$: 'SGD',
  SG$: 'SGD',
  韓元: 'KRW',
  韓幣: 'KRW',
  韓圜: 'KRW',
  '₩': 'KRW',
  馬幣: 'MYR',
  令吉: 'MYR',
  馬來西亞令吉: 'MYR',
  RM: 'MYR',
  泰銖: 'THB',
  泰幣: 'THB',
  '฿': 'THB',
  歐元: 'EUR',
  '€': 'EUR',
  英鎊: 'GBP',
  '£': 'GBP',
  澳幣: 'AUD',
  澳元: 'AUD',
  A$: 'AUD',
  AU$: 'AUD',
  加幣: 'CAD',
  加元: 'CAD',
  C$: 'CAD',
  CA$: 'CAD'
}

/** "twd " → "TWD", "NT$" / "新台幣" → "TWD", "美金" → "USD"; anything not in ISO4217 → currency_invalid. */
export function parseCurrency(s: string): Normalized<string> {
  const text = cleanText(String(s ?? ''))
    .toUpperCase()
    .replace(/\s+/g, '')
  if (text === '') return empty()
  const code = CURRENCY_NAMES[text] ?? text
  if (ISO4217.has(code)) return ok(code)
  if (text === '$' || text === '¥' || text === '元') {
    return fail(
      'currency_ambiguous',
      `「${shown(s)}」可能代表好幾種貨幣。請填 3 個字母的代碼，例如 TWD、USD、JPY。`,
      `"${shown(s)}" could be several currencies. Use a 3-letter code such as TWD, USD or JPY.`
    )
  }
  return fail(
    'currency_invalid',
    `「${shown(s)}」不是 ISO 4217 貨幣代碼。請填像 TWD、USD、JPY 的代碼。`,
    `"${shown(s)}" is not an ISO 4217 currency code. Use a code such as TWD, USD or JPY.`
  )
}
