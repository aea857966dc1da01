export default definePageConfig({
  navigationBarTitleText: '帮扶申请',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
