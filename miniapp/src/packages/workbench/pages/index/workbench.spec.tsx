import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import type { MeResponse } from '@unionhome/shared'
import { resetTaroMock, setCurrentPage } from '../../../../../test/mocks/taro'
import { ZHANG_WEI, loginAs } from '../../../../../test/fixtures'
import { WORKBENCH_ENTRIES, workbenchEntriesFor, type WorkbenchEntry } from '@/features'
import { reloadSession } from '@/store/session'
import WorkbenchPage from './index'

// The registry grows as domains ship; these tests fill it with their own entries.
jest.mock('@/features', () => ({ ...jest.requireActual('@/features'), WORKBENCH_ENTRIES: [] }))
const mockEntries = WORKBENCH_ENTRIES as WorkbenchEntry[]

const ENTRIES: WorkbenchEntry[] = [
  { key: 'approve', title: '入会审批', icon: '批', roles: ['officer'], url: '/packages/membership/pages/approve/index' },
  { key: 'review', title: '理赔审核', roles: ['claim_reviewer', 'admin'], url: '/packages/claims/pages/review/index' }
]

const OFFICER: MeResponse = { ...ZHANG_WEI, roles: ['member', 'officer'], staffOrg: { id: 'o1', name: '示范基层工会' } }

beforeEach(() => {
  resetTaroMock()
  reloadSession()
  setCurrentPage('/packages/workbench/pages/index/index')
  mockEntries.length = 0
})

describe('工作台', () => {
  it('shows an honest empty state when no staff feature applies', () => {
    loginAs(OFFICER)
    render(<WorkbenchPage />)
    expect(screen.getByText('暂无可用的工作台功能')).toBeTruthy()
    expect(screen.getByText('当前身份：基层工会干部 · 示范基层工会')).toBeTruthy()
  })

  it('lists the entries of the person’s roles and opens them', () => {
    mockEntries.push(...ENTRIES)
    loginAs(OFFICER)
    render(<WorkbenchPage />)
    expect(screen.queryByText('理赔审核')).toBeNull()
    fireEvent.click(screen.getByText('入会审批'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/membership/pages/approve/index' })
    expect(screen.queryByText('暂无可用的工作台功能')).toBeNull()
  })

  it('offers each entry only to the roles it names', () => {
    expect(workbenchEntriesFor(['officer'], ENTRIES).map((e) => e.key)).toEqual(['approve'])
    expect(workbenchEntriesFor(['admin'], ENTRIES).map((e) => e.key)).toEqual(['review'])
    expect(workbenchEntriesFor(['member'], ENTRIES)).toEqual([])
  })

  it('sends a logged-out person to log in', () => {
    render(<WorkbenchPage />)
    expect(Taro.redirectTo).toHaveBeenCalledWith({
      url: `/pages/login/index?redirect=${encodeURIComponent('/packages/workbench/pages/index/index')}`
    })
  })
})
