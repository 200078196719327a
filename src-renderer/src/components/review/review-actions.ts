// Review calls that change rows (group fixes, find & replace): the new summary goes into the view and the grid reloads.
import type { PrepareSummary } from '../../../../src-main/ipc/contract'
import { asApiError } from '../../api'
import { usePrepareStore } from '../../prepare-store'
import { mutate, refreshPrep } from '../../queries/mutation'

export async function applyChange<T extends { summary: PrepareSummary }>(run: () => Promise<T>): Promise<T | null> {
  try {
    const result = await mutate({ scope: 'prepare', run })
    const { view } = usePrepareStore.getState()
    if (view) {
      usePrepareStore.setState({ view: { ...view, summary: result.summary } })
      refreshPrep(view.prepId)
    }
    return result
  } catch (error) {
    usePrepareStore.setState({ error: asApiError(error) })
    return null
  }
}
