/**
 * Pages of the main package stay few and small (WeChat: at most 2 MB, loaded at start-up).
 * Every feature domain is a subpackage under src/packages/<domain>/ and is downloaded on first use.
 *
 * Adding a domain = one entry in `subPackages` below + its tiles / workbench entries in src/features.ts.
 */
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/messages/index'
  ],
  subPackages: [
    { root: 'packages/workbench', pages: ['pages/index/index'] }
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#c8281e',
    navigationBarTitleText: '职工e家',
    navigationBarTextStyle: 'white'
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8281e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png'
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png'
      }
    ]
  }
})
