import Taro, { useLoad } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PHONE_PATTERN, maskPhone } from '@unionhome/shared'
import { devLogin, fetchHealth, loginInWechat, requestSmsCode, smsLogin, startSession } from '@/api/auth'
import { errorText, isApiError, showError } from '@/api/request'
import { ActionButton, Field, Page } from '@/components'
import { decodeParam, leaveLoginPage } from '@/utils/navigation'
import { DEMO_ACCOUNTS } from './demo-accounts'
import './index.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

function phoneProblem(phone: string): string | null {
  if (!phone) return '请输入手机号'
  if (!/^\d{11}$/.test(phone)) return '手机号应为11位数字'
  if (!PHONE_PATTERN.test(phone)) return '手机号格式不正确，请核对'
  return null
}

function codeProblem(code: string): string | null {
  if (!code) return '请输入短信验证码'
  if (!/^\d{6}$/.test(code)) return '验证码应为6位数字'
  return null
}

/** Seconds left until the next code may be asked for; counts down once a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return undefined
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return [left, setLeft]
}

export default function LoginPage() {
  const [redirect, setRedirect] = useState('')
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [phoneError, setPhoneError] = useState<string | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [codeHint, setCodeHint] = useState<string | undefined>(undefined)
  const [smsUnavailable, setSmsUnavailable] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [busy, setBusy] = useState(false)
  const [demo, setDemo] = useState(false)
  const [resendIn, startCountdown] = useCountdown()

  useLoad((params: Record<string, string | undefined>) => {
    setRedirect(decodeParam(params?.redirect))
  })

  useEffect(() => {
    let live = true
    // Without an answer the demo accounts simply stay hidden: the code login works regardless.
    fetchHealth()
      .then((h) => live && setDemo(h.demo === true))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])

  const finish = async (login: () => Promise<Parameters<typeof startSession>[0]>) => {
    setBusy(true)
    try {
      await startSession(await login())
      // The page lingers in the H5 DOM for its closing animation: leave no phone number in it.
      setPhone('')
      setCode('')
      Taro.showToast({ title: '登录成功', icon: 'success', duration: 1200 })
      leaveLoginPage(redirect)
    } catch (err) {
      // Problems with what was typed show under the field; the rest (network, SMS service) as a toast.
      if (isApiError(err) && (err.code === 'SMS_CODE_INVALID' || err.code === 'SMS_CODE_EXPIRED')) setCodeError(errorText(err))
      else if (isApiError(err) && err.code === 'VALIDATION_FAILED' && (err.fields.phone || err.fields.code)) {
        setPhoneError(err.fields.phone ?? null)
        setCodeError(err.fields.code ?? null)
      } else showError(err)
    } finally {
      setBusy(false)
    }
  }

  const sendCode = async () => {
    const problem = phoneProblem(phone)
    setPhoneError(problem)
    if (problem || sending || resendIn > 0) return
    setSending(true)
    setSmsUnavailable(null)
    try {
      const res = await requestSmsCode(phone)
      startCountdown(res.resendAfterSeconds)
      setCodeError(null)
      setCodeHint(`验证码已发送至 ${maskPhone(phone)}，${Math.round(res.expiresInSeconds / 60)}分钟内有效`)
    } catch (err) {
      if (isApiError(err) && err.code === 'SMS_NOT_CONFIGURED') setSmsUnavailable(errorText(err))
      else if (isApiError(err) && err.code === 'VALIDATION_FAILED' && err.fields.phone) setPhoneError(err.fields.phone)
      else if (isApiError(err) && err.code === 'TOO_MANY_REQUESTS') setCodeError(err.message || errorText(err))
      else showError(err)
    } finally {
      setSending(false)
    }
  }

  const loginWithCode = () => {
    const pProblem = phoneProblem(phone)
    const cProblem = codeProblem(code)
    setPhoneError(pProblem)
    setCodeError(cProblem)
    if (!pProblem && !cProblem) finish(() => smsLogin(phone, code))
  }

  const sendLabel = sending ? '正在发送…' : resendIn > 0 ? `${resendIn}秒后可重新获取` : codeHint ? '重新获取验证码' : '获取验证码'

  return (
    <Page className='login-page'>
      <View className='login-page__brand'>
        <Text className='login-page__logo'>工</Text>
        <Text className='uh-title'>职工e家</Text>
        <Text className='uh-muted'>工会服务，一站办理</Text>
      </View>

      {IS_WEAPP ? (
        <View className='uh-card'>
          <ActionButton busy={busy} onClick={() => finish(loginInWechat)}>
            {busy ? '正在登录…' : '微信一键登录'}
          </ActionButton>
          <Text className='uh-muted login-page__note'>使用您的微信身份登录，不会获取您的聊天记录和好友信息。</Text>
        </View>
      ) : null}

      <View className='uh-card'>
        <Text className='uh-heading'>手机号验证码登录</Text>
        <Field
          label='手机号'
          type='number'
          maxlength={11}
          autoComplete='tel'
          value={phone}
          placeholder='请输入11位手机号'
          error={phoneError}
          onChange={(v) => {
            setPhone(v.replace(/\s/g, ''))
            if (phoneError) setPhoneError(null)
          }}
        />
        <ActionButton
          kind='plain'
          className={sending || resendIn > 0 ? 'login-page__send login-page__send--waiting' : 'login-page__send'}
          busy={sending}
          disabled={resendIn > 0}
          onClick={sendCode}
        >
          {sendLabel}
        </ActionButton>
        <Field
          label='验证码'
          type='number'
          maxlength={6}
          autoComplete='one-time-code'
          value={code}
          placeholder='请输入6位验证码'
          error={codeError}
          hint={codeHint}
          onChange={(v) => {
            setCode(v.replace(/\s/g, ''))
            if (codeError) setCodeError(null)
          }}
          onConfirm={loginWithCode}
        />
        <ActionButton busy={busy} onClick={loginWithCode}>
          {busy ? '正在登录…' : '登录'}
        </ActionButton>
        {smsUnavailable ? <Text className='uh-field__error login-page__note'>{smsUnavailable}</Text> : null}
        <Text className='uh-muted login-page__note'>第一次使用的手机号，登录后即自动注册。</Text>
      </View>

      {demo ? (
        <View className='login-page__demo'>
          <Text className='uh-heading'>演示账号</Text>
          <Text className='uh-muted login-page__note'>演示环境：点一下即可用该账号登录，无需验证码</Text>
          <View className='uh-list'>
            {DEMO_ACCOUNTS.map((a) => (
              <View
                key={a.phone}
                className='uh-row'
                hoverClass='uh-row--pressed'
                role='button'
                aria-label={`演示账号 ${maskPhone(a.phone)}`}
                onClick={() => {
                  if (!busy) finish(() => devLogin(a.phone))
                }}
              >
                <Text className='uh-row__label'>{a.name ? `${a.name} · ${a.role}` : a.role}</Text>
                <Text className='uh-row__value'>{maskPhone(a.phone)}</Text>
                <Text className='uh-row__arrow'>›</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </Page>
  )
}
