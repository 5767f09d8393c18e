//! Re-render when stored data changed elsewhere: another instance on this page
//! (`CHANGED_EVENT`) or another tab (the `storage` event).

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::shell::services::storage::CHANGED_EVENT;

#[derive(Default, PartialEq)]
struct Revision(u32);

impl Reducible for Revision {
    type Action = ();
    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Revision(self.0.wrapping_add(1)))
    }
}

/// A number that grows whenever stored data may have changed; use it as a
/// dependency of the effect or memo that loads the data.
#[hook]
pub fn use_data_revision() -> u32 {
    let revision = use_reducer(Revision::default);
    {
        let dispatch = revision.dispatcher();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let d2 = dispatch.clone();
                (
                    EventListener::new(&w, "storage", move |_| dispatch.dispatch(())),
                    EventListener::new(&w, CHANGED_EVENT, move |_| d2.dispatch(())),
                )
            });
            move || drop(listeners)
        });
    }
    revision.0
}
