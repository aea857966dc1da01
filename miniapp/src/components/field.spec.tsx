import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import { Field, type FieldProps } from './field'

/** A Field that keeps what is typed, as a page does. */
function Typed(props: Omit<FieldProps, 'value' | 'onChange'>) {
  const [value, setValue] = useState('')
  return <Field {...props} value={value} onChange={setValue} />
}

describe('Field', () => {
  it('is a native input found by its label, with the hint under it', () => {
    render(<Typed label='手机号' type='number' hint='用于登录' maxlength={11} />)
    const input = screen.getByLabelText('手机号') as HTMLInputElement
    expect(input.tagName).toBe('INPUT')
    expect(input.inputMode).toBe('numeric')
    expect(input.maxLength).toBe(11)
    fireEvent.change(input, { target: { value: '13800000001' } })
    expect(input.value).toBe('13800000001')
    expect(screen.getByText('用于登录')).toBeTruthy()
  })

  it('shows the error instead of the hint and marks the input invalid', () => {
    render(<Field label='姓名' required value='' onChange={() => {}} hint='和身份证上一致' error='请填写姓名' />)
    const input = screen.getByLabelText(/^姓名\*?$/)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('请填写姓名')).toBeTruthy()
    expect(screen.queryByText('和身份证上一致')).toBeNull()
  })

  it('multiline: a text area found by its label, counting the characters used', () => {
    render(<Typed multiline label='说说家里的情况' maxlength={500} hint='用自己的话写清楚就行' />)
    const area = screen.getByLabelText('说说家里的情况') as HTMLTextAreaElement
    expect(area.tagName).toBe('TEXTAREA')
    expect(area.maxLength).toBe(500)
    expect(screen.getByText('0/500')).toBeTruthy()
    fireEvent.change(area, { target: { value: '爱人生病住院' } })
    expect(area.value).toBe('爱人生病住院')
    expect(screen.getByText('6/500')).toBeTruthy()
    expect(screen.getByText('用自己的话写清楚就行')).toBeTruthy()
  })

  it('multiline: the error takes the hint’s place beside the count', () => {
    render(<Field multiline label='初审意见' value='' onChange={() => {}} maxlength={200} error='退回时请写明需要修改或补充的内容' />)
    expect(screen.getByLabelText('初审意见').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('退回时请写明需要修改或补充的内容')).toBeTruthy()
    expect(screen.getByText('0/200')).toBeTruthy()
  })
})
