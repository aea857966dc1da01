import Taro, { useLoad } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, ScrollView, Text, View } from '@tarojs/components'
import {
  JOB_TYPES,
  formatInviteCode,
  localDate,
  normalizeInviteCode,
  type ApplicationCreatedResponse,
  type InvitePreviewResponse,
  type JoinFormErrors,
  type JoinFormValues
} from '@unionhome/shared'
import { fetchInvitePreview, submitApplication } from '@/api/membership'
import { errorText, isApiError, newIdempotencyKey, showError } from '@/api/request'
import { Field, Loading, Page } from '@/components'
import { useSession } from '@/store/session'
import { formatInstant } from '@/utils/format'
import { HOME_PAGE, MESSAGES_PAGE, decodeParam, goLogin, openPage } from '@/utils/navigation'
import { allProblems, fieldProblem, scanInvite, type JoinField } from './join-form'
import './index.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
const CARD_PAGE = '/packages/membership/pages/card/index'

const EMPTY_FORM: JoinFormValues = { name: '', idNumber: '', phone: '', employer: '', jobType: '' }

type Preview = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; invite: InvitePreviewResponse } | { state: 'failed'; error: unknown }

/** A result the worker should see instead of the form (submitted, or already a member). */
type Outcome = { kind: 'submitted'; result: ApplicationCreatedResponse } | { kind: 'already_member' } | { kind: 'pending' }

function CheckRow(props: { checked: boolean; disabled?: boolean; label: string; onToggle: () => void }) {
  return (
    <View
      className={`join-check${props.checked ? ' join-check--on' : ''}${props.disabled ? ' join-check--disabled' : ''}`}
      role='checkbox'
      aria-checked={props.checked}
      aria-disabled={props.disabled}
      aria-label={props.label}
      onClick={props.onToggle}
    >
      <Text className='join-check__box'>{props.checked ? '✓' : ''}</Text>
      <Text className='join-check__label'>{props.label}</Text>
    </View>
  )
}

/**
 * 扫码入会: what a scanned union QR code opens. `scene` carries the invite code (WeChat passes it
 * URL-encoded, H5's router already decoded). Without a code — the 首页 tile, or H5 where nothing
 * can scan — the worker scans (WeChat) or types/pastes the code or link.
 */
export default function JoinPage() {
  const session = useSession()
  const [token, setToken] = useState<string | null>(null)
  const [codeInput, setCodeInput] = useState('')
  const [codeError, setCodeError] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview>({ state: 'idle' })
  const [form, setForm] = useState<JoinFormValues>(EMPTY_FORM)
  const [errors, setErrors] = useState<JoinFormErrors>({})
  const [noticeRead, setNoticeRead] = useState(false)
  const [noticeAccepted, setNoticeAccepted] = useState(false)
  const [consent, setConsent] = useState(false)
  const [agreementError, setAgreementError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const idempotencyKey = useRef(newIdempotencyKey())
  const today = localDate(new Date())

  const load = useCallback(async (code: string) => {
    setPreview({ state: 'loading' })
    try {
      setPreview({ state: 'ready', invite: await fetchInvitePreview(code) })
    } catch (error) {
      setPreview({ state: 'failed', error })
    }
  }, [])

  useEffect(() => {
    if (token) load(token)
  }, [token, load])

  const scan = async () => {
    const scanned = await scanInvite()
    if (!scanned) return
    if ('path' in scanned) openPage(scanned.path).catch(() => showError(null))
    else if ('token' in scanned) setToken(scanned.token)
    else Taro.showToast({ title: scanned.problem, icon: 'none' })
  }

  useLoad((params: Record<string, string | undefined>) => {
    // `q` is how WeChat hands over a plain QR code that opens the mini-program by its link.
    const code = normalizeInviteCode(decodeParam(params?.scene) || decodeParam(params?.q))
    if (code) setToken(code)
    else if (IS_WEAPP && params?.scan === '1') scan()
  })

  useEffect(() => {
    // Logged in: start from the name the account already has.
    const name = session?.me?.name
    if (name) setForm((f) => (f.name ? f : { ...f, name }))
  }, [session?.me?.name])

  const applyCode = () => {
    const code = normalizeInviteCode(codeInput)
    if (!code) {
      setCodeError('入会码不正确：应为工会提供的20位字母和数字，或完整的入会链接')
      return
    }
    setCodeError(null)
    setToken(code)
  }

  const change = (field: JoinField, value: string) => {
    const next = { ...form, [field]: field === 'idNumber' ? value.toUpperCase() : value }
    setForm(next)
    setErrors((e) => ({ ...e, [field]: fieldProblem(field, next[field], today, true) ?? undefined }))
  }

  const blur = (field: JoinField) => {
    if (!form[field]) return
    setErrors((e) => ({ ...e, [field]: fieldProblem(field, form[field], today, false) ?? undefined }))
  }

  const startOver = () => {
    setToken(null)
    setPreview({ state: 'idle' })
    setOutcome(null)
  }

  const submit = async (invite: InvitePreviewResponse) => {
    const problems = allProblems(form, today)
    setErrors(problems)
    const agreement = !noticeAccepted ? '请读完并同意《会员权利义务告知》' : !consent ? '请同意身份证号码处理说明' : null
    setAgreementError(agreement)
    if (Object.keys(problems).length > 0 || agreement) {
      Taro.showToast({ title: Object.values(problems)[0] ?? agreement ?? '', icon: 'none' })
      return
    }
    if (!session) {
      goLogin()
      return
    }
    setBusy(true)
    try {
      const result = await submitApplication(
        {
          inviteToken: token!,
          name: form.name.trim(),
          idNumber: form.idNumber.trim(),
          phone: form.phone.trim(),
          employer: form.employer.trim(),
          jobType: form.jobType,
          noticeVersion: invite.notice.version,
          consent: true
        },
        idempotencyKey.current
      )
      setOutcome({ kind: 'submitted', result })
    } catch (err) {
      if (!isApiError(err)) return showError(err)
      // Answered: whatever the worker changes next is a new submission. (No answer at all keeps
      // the key, so a retry of the same submission is recognised.)
      if (err.status > 0) idempotencyKey.current = newIdempotencyKey()
      if (err.code === 'VALIDATION_FAILED' && Object.keys(err.fields).length) {
        setErrors((e) => ({ ...e, ...err.fields }))
        showError(err)
      } else if (err.code === 'TOO_YOUNG' || err.code === 'ID_NUMBER_MISMATCH' || err.code === 'ID_NUMBER_IN_USE') {
        setErrors((e) => ({ ...e, idNumber: err.fields.idNumber ?? errorText(err) }))
        showError(err)
      } else if (err.code === 'ALREADY_MEMBER') {
        setOutcome({ kind: 'already_member' })
      } else if (err.code === 'APPLICATION_PENDING') {
        setOutcome({ kind: 'pending' })
      } else if (err.code === 'NOTICE_OUTDATED') {
        setNoticeRead(false)
        setNoticeAccepted(false)
        showError(err)
        load(token!)
      } else if (err.code.startsWith('INVITE_')) {
        setPreview({ state: 'failed', error: err })
      } else {
        showError(err)
      }
    } finally {
      setBusy(false)
    }
  }

  if (!token) {
    return (
      <Page className='join-page'>
        <View className='uh-card'>
          <Text className='uh-title'>扫码入会</Text>
          <Text className='uh-muted join-page__lead'>扫描所在单位工会的入会二维码，填写一张表，审核通过后就有电子会员卡。</Text>
          {IS_WEAPP ? (
            <Button className='uh-btn uh-btn--primary join-page__scan' onClick={scan}>
              扫一扫工会二维码
            </Button>
          ) : (
            <Text className='join-page__tip'>在微信外打开时无法直接扫码：请用手机相机扫描二维码，或在下面输入入会码。</Text>
          )}
        </View>
        <View className='uh-card'>
          <Field
            label='入会码或入会链接'
            value={codeInput}
            placeholder='例如 DEM0 GRAS SR00 TS20 26J0'
            hint='入会码印在二维码下方，也可以粘贴工会发来的链接'
            error={codeError}
            maxlength={300}
            onChange={(v) => {
              setCodeInput(v)
              if (codeError) setCodeError(null)
            }}
            onConfirm={applyCode}
          />
          <Button className='uh-btn uh-btn--primary' onClick={applyCode}>
            下一步
          </Button>
        </View>
      </Page>
    )
  }

  if (preview.state === 'idle' || preview.state === 'loading') {
    return (
      <Page className='join-page'>
        <Loading text='正在打开入会申请…' />
      </Page>
    )
  }

  if (preview.state === 'failed') {
    const gone = isApiError(preview.error) && (preview.error.status === 404 || preview.error.status === 410)
    return (
      <Page className='join-page'>
        <View className='uh-card uh-state' role='alert'>
          <Text className='uh-state__icon'>!</Text>
          <Text className='uh-state__text'>{errorText(preview.error)}</Text>
          {gone ? null : (
            <Button className='uh-btn uh-btn--primary' onClick={() => load(token)}>
              重新加载
            </Button>
          )}
          <Button className='uh-btn uh-btn--quiet join-page__again' onClick={startOver}>
            重新输入入会码
          </Button>
        </View>
      </Page>
    )
  }

  const invite = preview.invite
  const membership = session?.me?.membership ?? null
  // Already a member here: say so at once rather than after the whole form.
  const shown: Outcome | null = outcome ?? (membership?.orgId === invite.org.id ? { kind: 'already_member' } : null)

  if (shown) {
    return (
      <Page className='join-page'>
        <View className='uh-card join-done' role='status'>
          {shown.kind === 'submitted' && shown.result.status === 'approved' ? (
            <>
              <Text className='join-done__icon'>✓</Text>
              <Text className='uh-title'>入会成功</Text>
              <Text className='join-done__text'>
                您已成为{shown.result.orgName}会员，会员编号 {shown.result.memberNo}。
              </Text>
              <Button className='uh-btn uh-btn--primary' onClick={() => Taro.redirectTo({ url: CARD_PAGE })}>
                查看会员卡
              </Button>
            </>
          ) : shown.kind === 'submitted' ? (
            <>
              <Text className='join-done__icon'>✓</Text>
              <Text className='uh-title'>{shown.result.kind === 'transfer' ? '转会申请已提交' : '入会申请已提交'}</Text>
              <Text className='join-done__text'>
                {shown.result.kind === 'transfer'
                  ? `您原来已是其他工会的会员，这次按转会办理：${shown.result.orgName}审核通过后，原会籍自动结束。`
                  : `请等待${shown.result.orgName}审核。`}
                审核结果会发到“消息中心”。
              </Text>
              <Button className='uh-btn uh-btn--primary' onClick={() => openPage(MESSAGES_PAGE)}>
                查看消息中心
              </Button>
            </>
          ) : shown.kind === 'already_member' ? (
            <>
              <Text className='join-done__icon'>卡</Text>
              <Text className='uh-title'>您已经是本工会会员</Text>
              <Text className='join-done__text'>不用再申请，直接出示会员卡就可以了。</Text>
              <Button className='uh-btn uh-btn--primary' onClick={() => Taro.redirectTo({ url: CARD_PAGE })}>
                查看会员卡
              </Button>
            </>
          ) : (
            <>
              <Text className='join-done__icon'>审</Text>
              <Text className='uh-title'>申请正在审核中</Text>
              <Text className='join-done__text'>您已提交过入会申请，请耐心等待，结果会发到“消息中心”。</Text>
              <Button className='uh-btn uh-btn--primary' onClick={() => openPage(MESSAGES_PAGE)}>
                查看消息中心
              </Button>
            </>
          )}
          <Button className='uh-btn uh-btn--quiet join-page__again' onClick={() => Taro.switchTab({ url: HOME_PAGE })}>
            返回首页
          </Button>
        </View>
      </Page>
    )
  }

  return (
    <Page className='join-page'>
      <View className='uh-card join-org'>
        <Text className='uh-muted'>申请加入</Text>
        <Text className='uh-title join-org__name'>{invite.org.name}</Text>
        <Text className='uh-muted'>
          入会码 {formatInviteCode(token)} · 有效至 {formatInstant(invite.expiresAt)}
        </Text>
      </View>

      {membership ? (
        <View className='join-page__tip join-page__transfer' role='note'>
          <Text>
            您目前是{membership.orgName}会员。本次申请将按转会办理：审核通过后，原会籍自动结束，会龄连续计算。
          </Text>
        </View>
      ) : null}

      <View className='uh-card join-notice'>
        <Text className='uh-heading'>{invite.notice.title}</Text>
        <ScrollView
          className='join-notice__scroll'
          scrollY
          lowerThreshold={40}
          onScrollToLower={() => setNoticeRead(true)}
          aria-label={invite.notice.title}
        >
          <Text className='join-notice__text'>
            {invite.notice.text}
          </Text>
          <Text className='join-notice__end'>— 全文完 —</Text>
        </ScrollView>
        <Text className={noticeRead ? 'uh-muted join-notice__hint join-notice__hint--done' : 'uh-muted join-notice__hint'}>
          {noticeRead ? '已读完全文' : '请在框内向上滑动，读完全文后才能勾选同意'}
        </Text>
        <CheckRow
          checked={noticeAccepted}
          disabled={!noticeRead}
          label={`我已阅读并同意《${invite.notice.title}》`}
          onToggle={() => {
            if (!noticeRead) {
              Taro.showToast({ title: '请先读完会员权利义务告知', icon: 'none' })
              return
            }
            setNoticeAccepted(!noticeAccepted)
            setAgreementError(null)
          }}
        />
      </View>

      <View className='uh-card'>
        <Text className='uh-heading'>填写入会信息</Text>
        <Field label='姓名' required value={form.name} error={errors.name} maxlength={50} placeholder='与身份证一致' onChange={(v) => change('name', v)} onBlur={() => blur('name')} />
        <Field
          label='身份证号码'
          required
          type='idcard'
          maxlength={18}
          value={form.idNumber}
          error={errors.idNumber}
          placeholder='18位，最后一位可能是X'
          hint='用于核验入会资格，加密保存，见下方说明'
          onChange={(v) => change('idNumber', v)}
          onBlur={() => blur('idNumber')}
        />
        <Field label='手机号码' required type='number' maxlength={11} value={form.phone} error={errors.phone} placeholder='11位手机号' onChange={(v) => change('phone', v)} onBlur={() => blur('phone')} />
        <Field
          label='工作单位'
          required
          value={form.employer}
          error={errors.employer}
          maxlength={100}
          placeholder='公司或平台名称，如 美团外卖越城站'
          onChange={(v) => change('employer', v)}
          onBlur={() => blur('employer')}
        />
        <View className={errors.jobType ? 'uh-field uh-field--invalid' : 'uh-field'}>
          <Text className='uh-field__label'>
            职业<Text className='uh-field__required'>*</Text>
          </Text>
          <View className='join-jobs' role='radiogroup' aria-label='职业'>
            {JOB_TYPES.map((job) => (
              <View
                key={job}
                className={form.jobType === job ? 'join-job join-job--on' : 'join-job'}
                role='radio'
                aria-checked={form.jobType === job}
                onClick={() => change('jobType', job)}
              >
                <Text>{job}</Text>
              </View>
            ))}
          </View>
          {errors.jobType ? <Text className='uh-field__error'>{errors.jobType}</Text> : null}
        </View>
      </View>

      <View className='uh-card join-consent'>
        <Text className='uh-heading'>{invite.idNumberConsent.title}</Text>
        <Text className='join-consent__text'>{invite.idNumberConsent.text}</Text>
        <CheckRow
          checked={consent}
          label='我同意工会按上述目的和期限处理我的身份证号码'
          onToggle={() => {
            setConsent(!consent)
            setAgreementError(null)
          }}
        />
      </View>

      {agreementError ? (
        <View className='join-page__error' role='alert'>
          <Text>{agreementError}</Text>
        </View>
      ) : null}

      <Button className='uh-btn uh-btn--primary' disabled={busy || undefined} onClick={() => submit(invite)}>
        {busy ? '正在提交…' : session ? '提交入会申请' : '登录后提交'}
      </Button>
      {!session ? <Text className='uh-muted join-page__login-tip'>提交前需要登录，登录后会回到这里，已填的内容不会丢失。</Text> : null}
    </Page>
  )
}
