import { useEffect } from 'react'
import type { SlotResponse, VenueResponse } from '@unionhome/shared'
import { fetchSlots, fetchVenue } from '@/api/venues'
import { useRemote } from '@/hooks/use-remote'
import type { Session } from '@/store/session'

/**
 * A venue and one day's slots: loaded once the page knows the venue (from its URL) and the
 * slots again for each day picked. Nothing is asked before login.
 */
export function useVenueDay(session: Session | null, venueId: string, date: string) {
  const venue = useRemote<VenueResponse | null>(() => (venueId ? fetchVenue(venueId) : Promise.resolve(null)))
  const slots = useRemote<SlotResponse[]>(() => (venueId ? fetchSlots(venueId, date) : Promise.resolve([])))

  // reload is stable and always runs the latest load, so only the ids decide when to ask again.
  useEffect(() => {
    if (session && venueId) venue.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [venueId])
  useEffect(() => {
    if (session && venueId) slots.reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [venueId, date])

  return { venue, slots }
}
