package site

import "sync"

// kept is one thing the model keeps from one build to the next in djkb
// serve (see keep): read at the start of a build, replaced at its end.
type kept[T any] struct {
	mu sync.Mutex
	v  T
}

// last returns what the last build kept: the zero value in a process that
// keeps nothing, or before anything is kept.
func (k *kept[T]) last() (v T) {
	if !keep.Load() {
		return v
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.v
}

// store keeps v for the next build. Callers make v only when keep is set.
func (k *kept[T]) store(v T) {
	k.mu.Lock()
	k.v = v
	k.mu.Unlock()
}

// forget drops what is kept.
func (k *kept[T]) forget() {
	var zero T
	k.store(zero)
}
