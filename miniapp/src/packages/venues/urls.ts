/** Pages of the venues subpackage (src/app.config.ts). */
export const VENUES_PAGE = '/packages/venues/pages/index/index'
export const MY_BOOKINGS_PAGE = '/packages/venues/pages/mine/index'
export const CHECK_IN_PAGE = '/packages/venues/pages/check-in/index'
export const MANAGE_PAGE = '/packages/venues/pages/manage/index'

export const slotsUrl = (venueId: string, date?: string) => `/packages/venues/pages/slots/index?venueId=${venueId}${date ? `&date=${date}` : ''}`
export const venueEditUrl = (venueId?: string) => `/packages/venues/pages/venue-edit/index${venueId ? `?id=${venueId}` : ''}`
export const scheduleUrl = (venueId: string) => `/packages/venues/pages/schedule/index?venueId=${venueId}`
