export default definePageConfig({
  navigationBarTitleText: '授予权限'
})
