// The conflict strategies in plain words, for the UI and the CLI help.
import type { Localized, TargetTransport } from '../targets/types'
import type { OnConflict } from './types'

/** The strategy used when the user did not choose: the endpoint's documented default. */
export function defaultOnConflict(transport: TargetTransport): OnConflict | undefined {
  return transport.defaultOnConflict
}

export function resolveOnConflict(transport: TargetTransport, chosen?: OnConflict): OnConflict | undefined {
  if (transport.mode !== 'batch') return undefined
  return chosen ?? transport.defaultOnConflict ?? 'skip'
}

/** One explanation per strategy and record kind: what happens to a record that already exists. */
export const CONFLICT_EXPLANATIONS: Record<'orders' | 'customers' | 'subscriptions', Record<OnConflict, Localized>> = {
  orders: {
    skip: {
      'zh-TW': '略過：訂單編號已存在時，保留帳獸裡原本的訂單，不做任何修改，這一列會標示為「略過」。',
      en: 'Skip: when the order number already exists, the order in 帳獸 is left exactly as it is and the row is marked "skipped".'
    },
    update: {
      'zh-TW':
        '更新（預設）：訂單編號已存在時，用試算表中有填寫的欄位更新原訂單；空白欄位不會清掉原有資料。重送同一份檔案結果相同。',
      en: 'Update (default): when the order number already exists, the filled-in cells of your sheet update that order; empty cells never erase anything. Sending the same file twice gives the same result.'
    }
  },
  customers: {
    skip: {
      'zh-TW': '略過（預設）：Email 已存在的客戶保持原樣，不會被覆蓋，這一列會標示為「略過」。第一次匯入建議使用。',
      en: 'Skip (default): a customer whose email already exists is left as it is and the row is marked "skipped". Recommended for a first import.'
    },
    update: {
      'zh-TW': '更新：Email 已存在的客戶會被試算表中的資料覆蓋。適合重新同步。',
      en: 'Update: a customer whose email already exists is overwritten with the data in your sheet. Use it to re-sync.'
    }
  },
  subscriptions: {
    skip: {
      'zh-TW': '略過（預設）：已經有訂閱的客戶保持原樣（每位客戶只能有一個訂閱），這一列會標示為「略過」。',
      en: 'Skip (default): a customer who already has a subscription keeps it unchanged (one subscription per customer) and the row is marked "skipped".'
    },
    update: {
      'zh-TW': '更新：已經有訂閱的客戶，訂閱內容會被試算表中的資料覆蓋。',
      en: 'Update: a customer who already has a subscription gets it overwritten with the data in your sheet.'
    }
  }
}

export function explainOnConflict(transport: TargetTransport, strategy: OnConflict): Localized | undefined {
  if (!transport.batchKey) return undefined
  return CONFLICT_EXPLANATIONS[transport.batchKey][strategy]
}
