export default definePageConfig({
  navigationBarTitleText: '低保标准'
})
