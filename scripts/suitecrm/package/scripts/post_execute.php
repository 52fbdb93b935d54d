<?php
// Module Loader, after the copy: the overlay's routes join the site's custom V8 routes (routes_file.php).
require_once __DIR__ . '/routes_file.php';
crm_overlay_add_routes();
