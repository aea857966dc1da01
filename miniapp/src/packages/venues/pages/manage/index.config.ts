export default definePageConfig({
  navigationBarTitleText: '场馆与时段'
})
