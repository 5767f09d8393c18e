//! What every split point shares (docs/SIZE.md): the error of a module that
//! could not be fetched, and fetching two modules at once.

/// A split module (a view's code, its texts, the API's code) could not be
/// fetched or instantiated: offline, blocked, or the server failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadFailed;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for LoadFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        LoadFailed
    }
}

/// Both futures polled together (the view's code and its texts are fetched
/// at once), with both results.
pub async fn futures_join<A, B>(a: A, b: B) -> (A::Output, B::Output)
where
    A: std::future::Future,
    B: std::future::Future,
    A::Output: Unpin,
    B::Output: Unpin,
{
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};
    struct Join<A: Future, B: Future> {
        a: Pin<Box<A>>,
        b: Pin<Box<B>>,
        ra: Option<A::Output>,
        rb: Option<B::Output>,
    }
    impl<A: Future, B: Future> Future for Join<A, B>
    where
        A::Output: Unpin,
        B::Output: Unpin,
    {
        type Output = (A::Output, B::Output);
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            let this = self.get_mut();
            if this.ra.is_none() {
                if let Poll::Ready(v) = this.a.as_mut().poll(cx) {
                    this.ra = Some(v);
                }
            }
            if this.rb.is_none() {
                if let Poll::Ready(v) = this.b.as_mut().poll(cx) {
                    this.rb = Some(v);
                }
            }
            match (this.ra.take(), this.rb.take()) {
                (Some(a), Some(b)) => Poll::Ready((a, b)),
                (ra, rb) => {
                    this.ra = ra;
                    this.rb = rb;
                    Poll::Pending
                }
            }
        }
    }
    Join { a: Box::pin(a), b: Box::pin(b), ra: None, rb: None }.await
}
