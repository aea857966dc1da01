export default definePageConfig({
  navigationBarTitleText: '帮扶申请审核'
})
