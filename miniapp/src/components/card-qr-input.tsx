import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ActionButton } from './action-button'
import { Field } from './field'
import './card-qr-input.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

export interface CardQrInputProps {
  busy: boolean
  /** What the button does with the card, e.g. 核验 or 签到. */
  verb: string
  /**
   * Called with what the scanner read or the person pasted. Resolves true when it was taken
   * (the field is then cleared for the next card), false to leave it for a correction.
   */
  onSubmit: (raw: string) => Promise<boolean>
}

/**
 * Reading a member's card QR at a desk or a door: the camera in WeChat (with typing as the way out
 * when a code will not scan), a field to paste into in a browser, where there is no scanner.
 */
export function CardQrInput({ busy, verb, onSubmit }: CardQrInputProps) {
  const [token, setToken] = useState('')
  const [typing, setTyping] = useState(!IS_WEAPP)

  const submit = async (raw: string) => {
    if (await onSubmit(raw)) setToken('')
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      // Outside WeChat scanCode "succeeds" with an errMsg instead of a result: offer typing instead.
      if (!res.result) {
        setTyping(true)
        return
      }
      await submit(res.result)
    } catch {
      // The person closed the scanner: nothing to say.
    }
  }

  return (
    <View className='card-qr-input'>
      {IS_WEAPP ? (
        <View className='card-qr-input__actions'>
          <ActionButton busy={busy} onClick={scan}>
            {busy ? `正在${verb}…` : '扫描会员卡二维码'}
          </ActionButton>
          {!typing ? (
            <View className='card-qr-input__line' role='button' onClick={() => setTyping(true)}>
              <Text className='uh-muted'>扫不出来？手动输入</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {typing ? (
        <View className='card-qr-input__actions'>
          <Field
            label='会员卡二维码内容'
            value={token}
            placeholder='粘贴会员卡二维码的内容'
            hint={IS_WEAPP ? '请输入会员卡二维码下方的内容' : '在浏览器中无法扫码：请粘贴会员卡二维码的内容'}
            maxlength={300}
            onChange={setToken}
            onConfirm={() => submit(token)}
          />
          <ActionButton busy={busy} onClick={() => submit(token)}>
            {busy ? `正在${verb}…` : verb}
          </ActionButton>
        </View>
      ) : null}
    </View>
  )
}
