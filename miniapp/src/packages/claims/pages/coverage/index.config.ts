export default definePageConfig({ navigationBarTitleText: '我的保障' })
