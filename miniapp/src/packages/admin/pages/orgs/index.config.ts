export default definePageConfig({
  navigationBarTitleText: '工会组织'
})
