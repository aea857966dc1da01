export default definePageConfig({ navigationBarTitleText: '审核理赔' })
