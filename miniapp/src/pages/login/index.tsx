import Taro, { useLoad } from '@tarojs/taro'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PHONE_PATTERN, maskPhone } from '@unionhome/shared'
import { devLogin, loginInWechat, startSession } from '@/api/auth'
import { isApiError, showError } from '@/api/request'
import { ActionButton, Field, Page } from '@/components'
import { decodeParam, leaveLoginPage } from '@/utils/navigation'
import { DEMO_ACCOUNTS } from './demo-accounts'
import './index.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
/** Phone login is the demo path: always in H5, and in development builds of the mini-program. */
const PHONE_LOGIN = !IS_WEAPP || process.env.NODE_ENV !== 'production'

function phoneProblem(phone: string): string | null {
  if (!phone) return '请输入手机号'
  if (!/^\d{11}$/.test(phone)) return '手机号应为11位数字'
  if (!PHONE_PATTERN.test(phone)) return '手机号格式不正确，请核对'
  return null
}

export default function LoginPage() {
  const [redirect, setRedirect] = useState('')
  const [phone, setPhone] = useState('')
  const [phoneError, setPhoneError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useLoad((params: Record<string, string | undefined>) => {
    setRedirect(decodeParam(params?.redirect))
  })

  const finish = async (login: () => Promise<Parameters<typeof startSession>[0]>) => {
    setBusy(true)
    try {
      await startSession(await login())
      // The page lingers in the H5 DOM for its closing animation: leave no phone number in it.
      setPhone('')
      Taro.showToast({ title: '登录成功', icon: 'success', duration: 1200 })
      leaveLoginPage(redirect)
    } catch (err) {
      if (isApiError(err) && err.code === 'USER_NOT_FOUND') setPhoneError('该手机号尚未注册，请核对')
      else showError(err)
    } finally {
      setBusy(false)
    }
  }

  const loginWithPhone = (value = phone) => {
    const problem = phoneProblem(value)
    setPhoneError(problem)
    if (!problem) finish(() => devLogin(value))
  }

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

      {PHONE_LOGIN ? (
        <View className='uh-card'>
          {IS_WEAPP ? <Text className='uh-heading'>开发调试：手机号演示登录</Text> : null}
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
            onConfirm={() => loginWithPhone()}
          />
          <ActionButton busy={busy} onClick={() => loginWithPhone()}>
            {busy ? '正在登录…' : '登录'}
          </ActionButton>
        </View>
      ) : null}

      {PHONE_LOGIN ? (
        <View className='login-page__demo'>
          <Text className='uh-heading'>演示账号</Text>
          <Text className='uh-muted login-page__note'>点一下即可用该账号登录</Text>
          <View className='uh-list'>
            {DEMO_ACCOUNTS.map((a) => (
              <View
                key={a.phone}
                className='uh-row'
                hoverClass='uh-row--pressed'
                role='button'
                aria-label={`演示账号 ${maskPhone(a.phone)}`}
                onClick={() => {
                  if (!busy) loginWithPhone(a.phone)
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
