export default definePageConfig({ navigationBarTitleText: '理赔审核' })
