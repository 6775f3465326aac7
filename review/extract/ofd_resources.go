package extract

// resources are a document's resource files (PublicRes, DocumentRes, PageRes),
// read only when a CompositeObject first needs a composite graphic unit from them.
type resources struct {
	pkg     *ofdPackage
	pending []string        // resource entries not read yet
	known   map[string]bool // every resource entry added
	units   *unitSet
}

// unitSet is the composite graphic units found, by ID and in the order they were defined.
type unitSet struct {
	byID map[string]*drawing
	all  []*drawing
}

// define adds a unit; a unit without an ID can never be drawn, but its text is still kept.
func (u *unitSet) define(id string) *drawing {
	d := &drawing{}
	if id != "" {
		u.byID[id] = d
	}
	u.all = append(u.all, d)
	return d
}

func newResources(pkg *ofdPackage) *resources {
	return &resources{pkg: pkg, known: map[string]bool{}, units: &unitSet{byID: map[string]*drawing{}}}
}

// add notes a resource entry; "" (a location that names nothing) is ignored.
func (s *resources) add(name string) {
	if name == "" || s.known[name] {
		return
	}
	s.known[name] = true
	s.pending = append(s.pending, name)
}

// unit returns the composite graphic unit with the ID, reading resource files
// until it is found; nil if no resource defines it.
func (s *resources) unit(id string) (*drawing, error) {
	for {
		if u, ok := s.units.byID[id]; ok {
			return u, nil
		}
		if len(s.pending) == 0 {
			return nil, nil
		}
		if err := s.readNext(); err != nil {
			return nil, err
		}
	}
}

// readAll reads every resource file not read yet.
func (s *resources) readAll() error {
	for len(s.pending) > 0 {
		if err := s.readNext(); err != nil {
			return err
		}
	}
	return nil
}

func (s *resources) readNext() error {
	name := s.pending[0]
	s.pending = s.pending[1:]
	_, err := s.pkg.content(name, s.units)
	return err
}
