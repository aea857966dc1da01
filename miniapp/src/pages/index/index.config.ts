export default definePageConfig({
  navigationBarTitleText: '职工e家'
})
