export default definePageConfig({ navigationBarTitleText: '理赔详情' })
