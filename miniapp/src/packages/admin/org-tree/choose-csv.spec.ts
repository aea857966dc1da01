import { chooseCsvFile } from './choose-csv'

describe('chooseCsvFile in H5 (a file input; there is no chooseMessageFile)', () => {
  beforeEach(() => {
    ;(URL as unknown as { createObjectURL: (f: File) => string }).createObjectURL = (f: File) => `blob:${f.name}`
  })

  const input = () => document.body.querySelector('input[type=file]') as HTMLInputElement

  it('opens a CSV file input and resolves the picked file as a blob: URL for upload()', async () => {
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
    const chosen = chooseCsvFile()
    expect(input().accept).toBe('.csv,text/csv,text/plain')
    expect(click).toHaveBeenCalled()
    const file = new File(['code,name,type,parentCode,regionCode,creditCode\n'], '组织.csv', { type: 'text/csv' })
    Object.defineProperty(input(), 'files', { value: [file] })
    input().dispatchEvent(new Event('change'))
    await expect(chosen).resolves.toEqual({ path: 'blob:组织.csv', name: '组织.csv', size: file.size })
    expect(input()).toBeNull()
  })

  it('resolves null when the person cancels', async () => {
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
    const chosen = chooseCsvFile()
    input().dispatchEvent(new Event('cancel'))
    await expect(chosen).resolves.toBeNull()
  })
})
