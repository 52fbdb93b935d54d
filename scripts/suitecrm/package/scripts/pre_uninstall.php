<?php
// Module Loader, before the removal: the overlay's routes leave the site's custom V8 routes (routes_file.php).
require_once __DIR__ . '/routes_file.php';
crm_overlay_remove_routes();
