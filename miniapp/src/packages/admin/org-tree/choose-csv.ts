import Taro from '@tarojs/taro'

export interface ChosenFile {
  /** What upload() takes: a temp file path in WeChat, a blob: URL in H5. */
  path: string
  name: string
  size: number
}

/**
 * Lets the admin pick one CSV file. WeChat has no file system to browse: chooseMessageFile picks
 * from a chat (send the file to yourself or to 文件传输助手 first). H5 has no chooseMessageFile
 * at all, so it is a plain <input type=file>. Resolves null when the person cancels.
 */
export function chooseCsvFile(): Promise<ChosenFile | null> {
  if (process.env.TARO_ENV === 'h5') return chooseInBrowser()
  return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] }).then(
    (res) => {
      const f = res.tempFiles[0]
      return f ? { path: f.path, name: f.name, size: f.size } : null
    },
    () => null
  )
}

function chooseInBrowser(): Promise<ChosenFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.csv,text/csv,text/plain'
    input.style.display = 'none'
    const done = (file: ChosenFile | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null)
    })
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}
