import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ORG_IMPORT_HEADER, ORG_IMPORT_MAX_BYTES, ORG_TYPE_LABELS, ORG_TYPES, type OrgImportError, type OrgImportResult } from '@unionhome/shared'
import { importErrors, importOrgs } from '@/api/admin-orgs'
import { errorText } from '@/api/request'
import { ActionButton, Page } from '@/components'
import { useRequireLogin } from '@/hooks/use-require-login'
import { chooseCsvFile, type ChosenFile } from '../../org-tree/choose-csv'
import '../../org-tree/orgs.css'

const EXAMPLE = [
  ORG_IMPORT_HEADER,
  'SX-CITY,绍兴市总工会,city,,330600,',
  'SX-YC,越城区总工会,district,SX-CITY,330602,',
  'SX-YC-BH,北海街道总工会,street,SX-YC,330602001,',
  'SX-YC-0001,某某物流有限公司工会委员会,grassroots,SX-YC-BH,330602,81330602MC12345670'
]

type Outcome = { kind: 'done'; result: OrgImportResult } | { kind: 'refused'; errors: OrgImportError[] } | { kind: 'failed'; message: string }

/** 导入组织 (admin): one CSV file for the whole tree, all rows or none, problems listed by line. */
export default function OrgImportPage() {
  const session = useRequireLogin()
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  if (!session) return <Page />

  const pick = async () => {
    const chosen = await chooseCsvFile()
    if (!chosen) return
    setOutcome(null)
    if (chosen.size > ORG_IMPORT_MAX_BYTES) {
      setFile(null)
      setOutcome({ kind: 'failed', message: `文件太大了（不能超过${ORG_IMPORT_MAX_BYTES / 1024 / 1024}MB），请分几次导入` })
      return
    }
    setFile(chosen)
  }

  const run = async () => {
    if (!file || busy) return
    setBusy(true)
    try {
      const result = await importOrgs(file.path).promise
      setOutcome({ kind: 'done', result })
      setFile(null)
    } catch (err) {
      const errors = importErrors(err)
      setOutcome(errors.length ? { kind: 'refused', errors } : { kind: 'failed', message: errorText(err) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page className='admin-org-import'>
      {outcome?.kind === 'done' ? (
        <View className='uh-card' role='status'>
          <Text className='uh-heading'>导入完成</Text>
          <Text>
            新建{outcome.result.created}个组织，更新{outcome.result.updated}个组织。
          </Text>
          <ActionButton className='org-gap' onClick={() => Taro.navigateBack()}>
            返回组织列表
          </ActionButton>
        </View>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <View className='uh-card' role='alert'>
          <Text className='uh-heading'>没有导入任何组织</Text>
          <Text className='uh-muted'>文件中有{outcome.errors.length}处错误（第1行是标题行）。请在表格中改正后重新导入：</Text>
          {outcome.errors.map((e) => (
            <Text key={`${e.line}-${e.message}`} className='org-error'>
              第{e.line}行：{e.message}
            </Text>
          ))}
        </View>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <View className='uh-card' role='alert'>
          <Text className='uh-field__error'>{outcome.message}</Text>
        </View>
      ) : null}

      <View className='uh-card'>
        <Text className='uh-heading'>选择文件</Text>
        <Text className='uh-muted'>{file ? `已选择：${file.name}` : process.env.TARO_ENV === 'h5' ? '选择电脑或手机上的CSV文件' : '从微信聊天中选择CSV文件（可先发给“文件传输助手”）'}</Text>
        <ActionButton kind='plain' className='org-gap' disabled={busy} onClick={pick}>
          {file ? '换一个文件' : '选择CSV文件'}
        </ActionButton>
        {file ? (
          <ActionButton className='org-gap' busy={busy} onClick={run}>
            {busy ? '正在导入…' : '开始导入'}
          </ActionButton>
        ) : null}
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>模板说明</Text>
        <Text>第一行是标题行，必须是：</Text>
        <Text className='org-template'>{ORG_IMPORT_HEADER}</Text>
        <Text className='uh-muted'>
          code 组织编号（唯一，已有的编号会更新该组织）；name 名称；type 类型；parentCode 上级组织的编号（市总工会留空）；regionCode 行政区划代码（可空）；creditCode
          统一社会信用代码（可空，基层工会以81开头）。
        </Text>
        <Text className='uh-muted org-para'>type 可填：{ORG_TYPES.map((t) => `${t}（${ORG_TYPE_LABELS[t]}）`).join('、')}。</Text>
        <Text className='uh-muted org-para'>
          行的顺序不限，上级可以写在下级后面。只要有一行有错，整个文件都不导入，并列出出错的行号。文件不超过{ORG_IMPORT_MAX_BYTES / 1024 / 1024}MB，可以是Excel或WPS“另存为CSV”的文件。
        </Text>
        <Text className='uh-field__label org-para'>例子</Text>
        <Text className='org-template'>{EXAMPLE.join('\n')}</Text>
      </View>
    </Page>
  )
}
