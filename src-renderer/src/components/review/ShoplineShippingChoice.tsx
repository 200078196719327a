// SHOPLINE shipping: a 運費 line (counted in SHOPLINE's revenue reports) or a note in the order remarks (not counted).
// Texts live here, both languages side by side, so the choice and its consequence read the same in zh-TW and English.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrepareView } from '../../../../src-main/ipc/contract'
import { usePrepareStore } from '../../prepare-store'

const TEXT = {
  'zh-TW': {
    title: '運費怎麼匯入 SHOPLINE',
    asLine: '成為一筆明細（客製商品）',
    asLineHelp: '運費計入訂單小計與總額，會出現在 SHOPLINE 的營收報表。',
    inRemarks: '只寫進訂單備註',
    inRemarksHelp: '運費不計入小計、總額與營收報表，只在備註中看得到。',
    name: '明細名稱',
    discounts: '折扣欄（折扣、折價券、點數折抵）各成為一筆 CustomDiscount 折扣明細，從總額扣除。'
  },
  en: {
    title: 'How shipping goes into SHOPLINE',
    asLine: 'As a line (custom product)',
    asLineHelp: "Shipping is part of the subtotal and total, so it counts in SHOPLINE's revenue reports.",
    inRemarks: 'In the order remarks only',
    inRemarksHelp: 'Shipping is left out of subtotal, total and revenue reports; it is only readable in the remarks.',
    name: 'Line name',
    discounts: 'Each discount column (discount, coupon, points) becomes a CustomDiscount line deducted from the total.'
  }
} as const

export function ShoplineShippingChoice({ view }: { view: PrepareView }) {
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language === 'en' ? 'en' : 'zh-TW']
  const setOptions = usePrepareStore((s) => s.setOptions)
  const busy = usePrepareStore((s) => s.busy)
  const [name, setName] = useState(view.shipping.lineName ?? '')
  const choose = (mode: 'as-line' | 'in-remarks') =>
    void setOptions({ shipping: { mode, ...(name.trim() ? { lineName: name.trim() } : {}) } })
  return (
    <fieldset className="shipping-choice" data-testid="shipping-choice">
      <legend>{text.title}</legend>
      <label>
        <input
          type="radio"
          name="shipping"
          disabled={busy}
          checked={view.shipping.mode === 'as-line'}
          onChange={() => choose('as-line')}
          data-testid="shipping-as-line"
        />
        {text.asLine} — <small>{text.asLineHelp}</small>
      </label>
      {view.shipping.mode === 'as-line' ? (
        <label>
          {text.name}{' '}
          <input
            type="text"
            value={name}
            placeholder="運費"
            maxLength={100}
            disabled={busy}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => choose('as-line')}
            data-testid="shipping-line-name"
          />
        </label>
      ) : null}
      <label>
        <input
          type="radio"
          name="shipping"
          disabled={busy}
          checked={view.shipping.mode === 'in-remarks'}
          onChange={() => choose('in-remarks')}
          data-testid="shipping-in-remarks"
        />
        {text.inRemarks} — <small>{text.inRemarksHelp}</small>
      </label>
      <p className="hint">{text.discounts}</p>
    </fieldset>
  )
}
