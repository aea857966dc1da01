export default definePageConfig({ navigationBarTitleText: '编辑保障计划' })
