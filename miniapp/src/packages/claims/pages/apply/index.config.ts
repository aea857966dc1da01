export default definePageConfig({ navigationBarTitleText: '申请理赔' })
