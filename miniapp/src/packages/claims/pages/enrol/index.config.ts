export default definePageConfig({ navigationBarTitleText: '互助参保' })
