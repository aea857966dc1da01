export default definePageConfig({
  navigationBarTitleText: '编辑组织'
})
